# Samples for code/python/sql-string-format.
def find_user(cursor, name, uid):
    # bulwark-expect: sql-string-format
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # bulwark-expect: sql-string-format
    cursor.execute("DELETE FROM sessions WHERE user_id = %s" % uid)
    # bulwark-ok: sql-string-format (the safe variant: a placeholder and a separate value)
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    # bulwark-ok: sql-string-format (a fixed statement)
    cursor.execute("SELECT count(*) FROM users")
