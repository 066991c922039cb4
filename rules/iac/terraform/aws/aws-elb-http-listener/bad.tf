resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port           = 80
    lb_protocol       = "http" # expect
    instance_port     = 8080
    instance_protocol = "http"
  }
}
