resource "aws_security_group" "windows" {
  name = "windows"

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect
  }
}

locals {
  anywhere = "0.0.0.0/0"
}

# RDP also listens on UDP.
resource "aws_vpc_security_group_ingress_rule" "udp" {
  security_group_id = "sg-123"
  cidr_ipv4         = local.anywhere # expect
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "udp"
}
