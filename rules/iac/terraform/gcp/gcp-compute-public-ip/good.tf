# Reason: no access_config, so no external address.
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    subnetwork = "projects/example/regions/europe-west1/subnetworks/private"
  }
}
