# Samples for code/python/django-raw-sql.
def search(request):
    term = request.GET.get("q")
    # bulwark-expect: django-raw-sql
    people = Person.objects.raw(f"SELECT * FROM person WHERE name LIKE '%{term}%'")
    # bulwark-expect: django-raw-sql
    rows = Person.objects.raw("SELECT * FROM person WHERE id = " + request.GET["id"])
    # bulwark-ok: django-raw-sql (the safe variant: parameters)
    safe = Person.objects.raw("SELECT * FROM person WHERE name LIKE %s", [f"%{term}%"])
    # bulwark-ok: django-raw-sql (the ORM escapes values)
    orm = Person.objects.filter(name__icontains=term)
    return people, rows, safe, orm
