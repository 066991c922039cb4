# Reason: private IP only.
resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/example/global/networks/main"
    }
  }
}
