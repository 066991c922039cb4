# Reason: HTTPS only.
resource "azurerm_linux_web_app" "app" {
  name                = "example-app"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "example"
  https_only          = true

  site_config {}
}
