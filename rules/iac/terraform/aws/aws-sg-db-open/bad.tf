resource "aws_security_group" "db" {
  name = "db"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect
  }
}

resource "aws_security_group_rule" "redis" {
  type              = "ingress"
  from_port         = 6379
  to_port           = 6379
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"] # expect
  security_group_id = "sg-123"
}
