resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    network = "default"

    access_config { # expect
      network_tier = "PREMIUM"
    }
  }
}
