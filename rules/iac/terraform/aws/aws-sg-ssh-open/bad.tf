resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect
  }
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  from_port         = 20
  to_port           = 30
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"] # expect
  security_group_id = "sg-123"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = "sg-123"
  cidr_ipv4         = "0.0.0.0/0" # expect
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

# A dynamic block whose content opens the port.
resource "aws_security_group" "dynamic" {
  name = "dynamic"

  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"] # expect
    }
  }
}
