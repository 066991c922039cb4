output "bucket" {
  description = "Name of the data bucket."
  value       = aws_s3_bucket.data.bucket
}

output "kms_key_arn" {
  description = "ARN of the key that encrypts the bucket and the database."
  value       = aws_kms_key.data.arn
}

output "db_endpoint" {
  description = "Address and port of the database."
  value       = aws_db_instance.main.endpoint
}

output "db_master_secret_arn" {
  description = "Secrets Manager secret holding the database master password."
  value       = aws_db_instance.main.master_user_secret[0].secret_arn
}
