resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = true # expect
}

resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier  = "example"
  publicly_accessible = "true" # expect
}
