# Reason: callers must sign requests with IAM credentials.
resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "AWS_IAM"
}
