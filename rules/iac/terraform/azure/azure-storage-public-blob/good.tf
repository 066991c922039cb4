# Reason: public access turned off at the account.
resource "azurerm_storage_account" "data" {
  name                            = "exampledata"
  resource_group_name             = "example"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}
