# Samples for code/python/sql-string-format.
TABLE = "users"


def find_user(cursor, name, uid):
    # bulwark-expect: sql-string-format
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # bulwark-expect: sql-string-format
    cursor.execute("DELETE FROM sessions WHERE user_id = %s" % uid)
    # bulwark-ok: sql-string-format (the safe variant: a placeholder and a separate value)
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    # bulwark-ok: sql-string-format (a fixed statement)
    cursor.execute("SELECT count(*) FROM users")


def built_first(cursor, name):
    sql = "SELECT * FROM users WHERE name = '" + name + "'"
    # bulwark-expect: sql-string-format
    cursor.execute(sql)
    query = "SELECT * FROM users WHERE name = %s"
    # bulwark-ok: sql-string-format (a fixed statement in a variable, the value passed apart)
    cursor.execute(query, (name,))


def constants_only(cur, limit):
    table = "users"
    # bulwark-ok: sql-string-format (table is bound to a literal)
    cur.execute("SELECT id FROM %s" % table)
    # bulwark-ok: sql-string-format (only a number)
    cur.execute("SELECT id FROM users WHERE id = %s" % 1)
    # bulwark-ok: sql-string-format (an UPPER_CASE constant)
    cur.execute(f"SELECT id FROM {TABLE}")
    # bulwark-ok: sql-string-format (converted to a number)
    cur.execute("SELECT id FROM users LIMIT %d" % int(limit))
    # bulwark-expect: sql-string-format
    cur.execute(f"SELECT id FROM {TABLE} LIMIT {limit}")


def with_raw(q):
    # bulwark-ok: sql-string-format (reported once, by django-raw-sql)
    return User.objects.raw("SELECT * FROM auth_user WHERE username = '%s'" % q)
