resource "aws_sns_topic" "alerts" { # expect
  name = "alerts"
}
