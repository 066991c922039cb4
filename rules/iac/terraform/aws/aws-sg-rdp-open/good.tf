# Reason: RDP from the admin network only.
resource "aws_security_group" "windows" {
  name = "windows"

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/24"]
  }
}

# Reason: port 3380-3388 does not include 3389.
resource "aws_security_group_rule" "near" {
  type              = "ingress"
  from_port         = 3380
  to_port           = 3388
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-123"
}
