resource "aws_dynamodb_table" "orders" { # expect
  name     = "orders"
  hash_key = "id"
}

resource "aws_dynamodb_table" "events" {
  name     = "events"
  hash_key = "id"

  point_in_time_recovery {
    enabled = false # expect
  }
}
