# Reason: the secret is fetched at run time; only its ARN is in the environment.
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"

  environment {
    variables = {
      LOG_LEVEL              = "info"
      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn
      API_TOKEN              = var.api_token
      SESSION_SECRET         = ""
    }
  }
}
