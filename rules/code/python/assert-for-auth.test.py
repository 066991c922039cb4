# Samples for code/python/assert-for-auth.
def delete_post(request, post):
    # bulwark-expect: assert-for-auth
    assert request.user.is_authenticated
    # bulwark-expect: assert-for-auth
    assert post.owner == request.user, "not yours"
    # bulwark-ok: assert-for-auth (an internal invariant, not an access check)
    assert isinstance(post.id, int)
    if not request.user.has_perm("blog.delete_post"):
        raise PermissionDenied()
    # bulwark-ok: assert-for-auth (a test-style sanity check on data)
    assert len(post.title) > 0
    post.delete()
