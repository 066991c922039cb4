# Reason: private container.
resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = "exampledata"
  container_access_type = "private"
}

# Reason: left out, containers are private.
resource "azurerm_storage_container" "plain" {
  name                 = "plain"
  storage_account_name = "exampledata"
}
