resource "google_container_cluster" "main" { # expect
  name     = "main"
  location = "europe-west1"
}

resource "google_container_cluster" "off" {
  name     = "off"
  location = "europe-west1"

  network_policy {
    enabled = false # expect
  }
}
