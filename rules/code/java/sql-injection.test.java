// Samples for code/java/sql-injection.
class UserDao {
  private static final String TABLE = "users";
  private static final String orders = "orders";

  User find(Connection conn, String name) throws SQLException {
    Statement stmt = conn.createStatement();
    // bulwark-expect: sql-injection
    ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    // bulwark-expect: sql-injection
    jdbc.queryForList(String.format("SELECT * FROM orders WHERE owner = '%s'", name));
    // bulwark-ok: sql-injection (the safe variant: a prepared statement)
    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
    ps.setString(1, name);
    // bulwark-ok: sql-injection (a fixed statement)
    stmt.executeUpdate("DELETE FROM sessions WHERE expired = true");
    return null;
  }

  void handle(HttpServletRequest req, Statement st) throws SQLException {
    String q = "SELECT * FROM users WHERE name = '" + req.getParameter("name") + "'";
    // bulwark-expect: sql-injection
    st.execute(q);
    String s = String.format("SELECT * FROM users WHERE id = %s", req.getParameter("id"));
    // bulwark-expect: sql-injection
    st.executeQuery(s);
    // bulwark-ok: sql-injection (only a static final constant is added)
    st.executeQuery("SELECT count(*) FROM " + TABLE);
    // bulwark-ok: sql-injection (only a static final field is added)
    st.executeQuery("SELECT count(*) FROM " + orders);
    int limit = 10;
    String all = "SELECT id FROM users LIMIT " + limit;
    // bulwark-ok: sql-injection (limit is bound to a literal)
    st.executeQuery(all);
  }
}
