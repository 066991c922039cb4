resource "aws_vpc" "main" { # expect
  cidr_block = "10.0.0.0/16"
}

# A flow log for another VPC does not count.
resource "aws_flow_log" "other" {
  vpc_id       = "vpc-0123456789"
  traffic_type = "ALL"
}
