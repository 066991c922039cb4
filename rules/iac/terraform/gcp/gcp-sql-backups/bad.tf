resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings { # expect
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "off" {
  name             = "off"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled = false # expect
    }
  }
}
