# Left out: a public IPv4 address is assigned.
resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings { # expect
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "explicit" {
  name             = "explicit"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true # expect
    }
  }
}
