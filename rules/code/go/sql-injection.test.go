// Samples for code/go/sql-injection.
package store

const usersTable = "users"

var ordersTable = "orders"

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

func handler(w http.ResponseWriter, r *http.Request) {
	q := fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", r.FormValue("name"))
	// bulwark-expect: sql-injection
	db.Exec(q)
	limit := 10
	list := fmt.Sprintf("SELECT id FROM %s LIMIT %d", usersTable, limit)
	// bulwark-ok: sql-injection (only a constant and a literal-bound name are formatted in)
	db.Query(list)
	// bulwark-ok: sql-injection (only constants are formatted in)
	db.Query(fmt.Sprintf("SELECT id FROM %s LIMIT %d", usersTable, 5))
	// bulwark-ok: sql-injection (a package variable bound to a literal)
	db.Query("SELECT id FROM " + ordersTable)
	// bulwark-expect: sql-injection
	db.Query(fmt.Sprintf("SELECT id FROM %s WHERE owner = '%s'", ordersTable, r.URL.Query().Get("owner")))
}

func search(db *sql.DB, term string) {
	var stmt = "SELECT * FROM items WHERE title LIKE '%" + term + "%'"
	// bulwark-expect: sql-injection
	db.Query(stmt)
}
