# Reason: storage_encrypted is true.
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

# Reason: the value comes from a local that is true.
locals {
  encrypt = true
}

resource "aws_rds_cluster" "aurora" {
  engine            = "aurora-postgresql"
  storage_encrypted = local.encrypt
}

# Reason: every instance of the for_each is encrypted.
resource "aws_db_instance" "tenants" {
  for_each          = { alpha = true, beta = true }
  engine            = "postgres"
  storage_encrypted = each.value
}

# Reason: a read replica is encrypted like its source.
resource "aws_db_instance" "replica" {
  replicate_source_db = "main"
  instance_class      = "db.t3.micro"
}

# Reason: Aurora Serverless v1 is always encrypted.
resource "aws_rds_cluster" "serverless" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}
