// Samples for code/java/sql-injection.
class UserDao {
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
}
