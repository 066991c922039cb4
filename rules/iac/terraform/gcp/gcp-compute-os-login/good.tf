# Reason: OS Login on.
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "TRUE"
  }
}

# Reason: left out, the project setting applies.
resource "google_compute_instance" "plain" {
  name         = "plain"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}
