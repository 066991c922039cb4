# Reason: a dedicated service account.
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    email  = "app@example-project.iam.gserviceaccount.com"
    scopes = ["cloud-platform"]
  }
}

# Reason: the default account with narrow scopes.
resource "google_compute_instance" "logger" {
  name         = "logger"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    scopes = ["logging-write", "monitoring-write"]
  }
}
