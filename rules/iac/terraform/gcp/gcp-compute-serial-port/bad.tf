resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = "TRUE" # expect
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-small"

  metadata = {
    "serial-port-enable" = true # expect
  }
}
