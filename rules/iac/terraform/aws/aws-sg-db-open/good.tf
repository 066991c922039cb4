# Reason: the database admits the application's security group, not an address range.
resource "aws_security_group" "db" {
  name = "db"

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-app"]
  }
}
