resource "azurerm_linux_web_app" "app" { # expect
  name                = "example-app"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "example"

  site_config {}
}

resource "azurerm_windows_function_app" "jobs" {
  name                = "example-jobs"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "example"
  https_only          = false # expect

  site_config {}
}
