# Reason: every port, but only from the private network.
resource "aws_security_group" "internal" {
  name = "internal"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

# Reason: one port, not every port (HTTPS, which is meant to be public).
resource "aws_security_group_rule" "https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-123"
}

# Reason: every protocol, but outbound.
resource "aws_security_group_rule" "egress" {
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-123"
}

# Reason: the protocol comes from a variable without default, so the ports are unknown.
variable "protocol" {}

resource "aws_security_group_rule" "unknown" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = var.protocol
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-123"
}
