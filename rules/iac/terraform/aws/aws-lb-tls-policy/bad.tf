# Left out: ELBSecurityPolicy-2016-08, which accepts TLS 1.0.
resource "aws_lb_listener" "default_policy" { # expect
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/1"
}

resource "aws_lb_listener" "old" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/tls/1"
  port              = 443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01" # expect
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/1"
}
