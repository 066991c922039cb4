resource "azurerm_network_security_group" "web" {
  name                = "web"
  location            = "westeurope"
  resource_group_name = "example"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*" # expect
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["443", "3000-4000"]
  source_address_prefix       = "Internet" # expect
  destination_address_prefix  = "*"
  resource_group_name         = "example"
  network_security_group_name = "web"
}
