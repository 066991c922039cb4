# Reason: one office range.
resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
