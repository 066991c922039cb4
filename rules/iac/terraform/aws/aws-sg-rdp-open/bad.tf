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

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = "sg-123"
  cidr_ipv4         = local.anywhere # expect
  ip_protocol       = "-1"
}
