# Reason: encrypted connections only.
resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}

# Reason: require_ssl, the older form of the same setting.
resource "google_sql_database_instance" "older" {
  name             = "older"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      require_ssl = true
    }
  }
}
