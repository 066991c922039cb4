# Default encryption with a key AWS owns.
resource "aws_dynamodb_table" "orders" { # expect
  name     = "orders"
  hash_key = "id"
}

# Encryption on, but with the AWS managed key.
resource "aws_dynamodb_table" "events" {
  name     = "events"
  hash_key = "id"

  server_side_encryption { # expect
    enabled = true
  }
}
