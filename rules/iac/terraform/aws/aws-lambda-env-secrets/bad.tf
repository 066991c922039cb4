resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"

  environment {
    variables = {
      LOG_LEVEL   = "info"
      DB_PASSWORD = "not-a-real-password-1" # expect
    }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::111122223333:role/worker"

  environment {
    variables = {
      "STRIPE_API_KEY" = "sk_test_placeholder" # expect
    }
  }
}
