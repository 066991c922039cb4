# Samples for code/python/django-raw-sql.
def search(term, uid):
    # bulwark-expect: django-raw-sql
    people = Person.objects.raw(f"SELECT * FROM person WHERE name LIKE '%{term}%'")
    # bulwark-expect: django-raw-sql
    rows = Person.objects.raw("SELECT * FROM person WHERE id = " + uid)
    # bulwark-ok: django-raw-sql (the safe variant: parameters)
    safe = Person.objects.raw("SELECT * FROM person WHERE name LIKE %s", [f"%{term}%"])
    # bulwark-ok: django-raw-sql (the ORM escapes values)
    orm = Person.objects.filter(name__icontains=term)
    table = "person"
    # bulwark-ok: django-raw-sql (only a constant is formatted in)
    everyone = Person.objects.raw("SELECT * FROM %s" % table)
    return people, rows, safe, orm, everyone


def view(request):
    q = request.GET["q"]
    # bulwark-ok: django-raw-sql (request data: reported once, by sql-injection)
    # bulwark-ok: sql-string-format (reported once, by sql-injection)
    # bulwark-expect: sql-injection
    return User.objects.raw("SELECT * FROM auth_user WHERE username = '%s'" % q)
