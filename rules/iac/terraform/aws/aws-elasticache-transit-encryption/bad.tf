resource "aws_elasticache_replication_group" "sessions" { # expect
  replication_group_id = "sessions"
  description          = "sessions"
  engine               = "redis"
}

resource "aws_elasticache_replication_group" "jobs" {
  replication_group_id       = "jobs"
  description                = "jobs"
  transit_encryption_enabled = false # expect
}
