resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "FALSE" # expect
    ssh-keys       = "admin:ssh-ed25519 AAAAC3Nza example"
  }
}
