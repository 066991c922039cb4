resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# No ports means every port of the protocol.
resource "google_compute_firewall" "tcp_all" {
  name          = "tcp-all"
  network       = "default"
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"] # expect

  allow {
    protocol = "tcp"
  }
}

resource "google_compute_firewall" "rdp_range" {
  name          = "rdp-range"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect

  allow {
    protocol = "tcp"
    ports    = ["80", "3000-4000"]
  }
}
