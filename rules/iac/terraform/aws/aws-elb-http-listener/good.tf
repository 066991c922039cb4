# Reason: the client side of the listener is HTTPS.
resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/1"
  }
}
