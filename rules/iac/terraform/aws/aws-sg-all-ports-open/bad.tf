# Every protocol and port, IPv6.
resource "aws_security_group" "wide" {
  name = "wide"

  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"] # expect
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

# Every TCP port.
resource "aws_security_group_rule" "tcp" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect
  security_group_id = "sg-123"
}

# Security groups also take their rules as a list of objects.
resource "aws_security_group" "attribute_syntax" {
  name = "attribute-syntax"
  ingress = [{
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"] # expect
    ipv6_cidr_blocks = []
    description      = "everything"
    prefix_list_ids  = []
    security_groups  = []
    self             = false
  }]
}
