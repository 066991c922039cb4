resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    scopes = ["cloud-platform"] # expect
  }
}
