# Samples for code/python/sql-injection.
from django.db import connection
from flask import request


@app.route("/find")
def find():
    name = request.args.get("name")
    cur = connection.cursor()
    # bulwark-expect: sql-injection
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # bulwark-ok: sql-injection (a placeholder and a separate value)
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    # bulwark-ok: sql-injection (converted to a number)
    cur.execute("SELECT * FROM users LIMIT %d" % int(request.args["limit"]))
    return cur.fetchall()


def post_view(request):
    sql = "SELECT * FROM notes WHERE title = '" + request.POST["a"] + "'"
    with connection.cursor() as cursor:
        # bulwark-expect: sql-injection
        cursor.execute(sql)
    q = request.GET["q"]
    # bulwark-expect: sql-injection
    people = Person.objects.raw("SELECT * FROM person WHERE name = '%s'" % q)
    table = "person"
    # bulwark-ok: sql-injection (only a constant is formatted in)
    everyone = Person.objects.raw("SELECT * FROM %s" % table)
    return people, everyone


@api.get("/items")
def items(owner: str, db: Session = Depends(get_db)):
    # bulwark-expect: sql-injection
    return db.execute(text(f"SELECT * FROM items WHERE owner = '{owner}'")).all()


def ordered_view(request):
    order = request.GET["order"]
    # bulwark-expect: sql-injection
    users = User.objects.extra(where=[f"name = '{order}'"])
    # bulwark-expect: sql-injection
    ranked = User.objects.filter(active=True).extra(select={"rank": "score * " + request.GET["w"]}, order_by=["rank"])
    # bulwark-ok: sql-injection (the safe variant: a placeholder and params)
    safe = User.objects.extra(where=["name = %s"], params=[order])
    # bulwark-ok: sql-injection (fixed SQL)
    fixed = User.objects.extra(select={"is_recent": "pub_date > '2024-01-01'"})
    return users, ranked, safe, fixed


@app.route("/posts")
def posts():
    sort = request.args.get("sort", "created")
    sort = sort if sort in SORTS else "created"
    # bulwark-ok: sql-injection (an allow-list with a fixed fallback)
    rows = db.execute(f"SELECT * FROM posts ORDER BY {sort}")
    direction = request.args.get("dir", "asc")
    if direction not in ("asc", "desc"):
        abort(400)
    # bulwark-ok: sql-injection (refused unless on the allow-list)
    ordered = db.execute(f"SELECT * FROM posts ORDER BY created {direction}")
    column = request.args.get("column")
    if column not in COLUMNS:
        column = "id"
    # bulwark-ok: sql-injection (replaced unless on the allow-list)
    picked = db.execute(f"SELECT {column} FROM posts")
    title = request.args.get("title")
    # bulwark-expect: sql-injection (the allow-list checked another value)
    found = db.execute(f"SELECT * FROM posts WHERE title = '{title}' ORDER BY {sort}")
    # bulwark-expect: sql-injection (no check: the fallback is the request's own value)
    loose = db.execute(f"SELECT * FROM posts ORDER BY {request.args.get('by') if sort in SORTS else request.args.get('by')}")
    return rows, ordered, picked, found, loose
