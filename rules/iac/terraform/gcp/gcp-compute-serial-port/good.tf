# Reason: serial port access explicitly off.
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = "false"
  }
}

# Reason: left out, the serial port is off.
resource "google_compute_instance" "plain" {
  name         = "plain"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}
