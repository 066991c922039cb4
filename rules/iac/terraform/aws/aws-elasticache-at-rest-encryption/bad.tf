resource "aws_elasticache_replication_group" "sessions" { # expect
  replication_group_id = "sessions"
  description          = "sessions"
}
