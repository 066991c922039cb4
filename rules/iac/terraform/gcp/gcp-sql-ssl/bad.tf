resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect
    }
  }
}

resource "google_sql_database_instance" "bare" {
  name             = "bare"
  database_version = "MYSQL_8_0"

  settings { # expect
    tier = "db-f1-micro"
  }
}
