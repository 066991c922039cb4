// Samples for code/go/sql-injection.
package store
func find(db *sql.DB, name string, id int) {
	// bulwark-expect: sql-injection
	db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
	// bulwark-expect: sql-injection
	db.ExecContext(ctx, "DELETE FROM sessions WHERE user = '"+name+"'")
	// bulwark-ok: sql-injection (the safe variant: a placeholder)
	db.Query("SELECT * FROM users WHERE name = $1", name)
	// bulwark-ok: sql-injection (a fixed statement)
	db.Exec("DELETE FROM sessions WHERE expired")
}
